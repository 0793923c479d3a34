package p

func f() {
	x := struct{a int}{a: 1,}
	_ = x.
}
