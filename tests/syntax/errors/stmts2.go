package p

func f() {
	a, b
}

func g() {
	x := 1 {
	}
}
