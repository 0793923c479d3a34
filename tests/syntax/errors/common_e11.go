package p

func f() {
	if x := f(); x > 0 {
	} else if {
	}
}
