package main

func broken() {
	x := 1 +
	break
}

func fine() {
	break
L:
	var f = func() {
		continue
	}
	_ = f
}

var g = func() {
M:
	goto N
}

func alsoBroken() {
	h := func() {
	O:
	}
	if {
	}
	_ = h
}
