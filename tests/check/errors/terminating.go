package main

var c chan int
var x int

func ok1() int {
	for {
	}
}

func ok2() int {
L:
	for {
		for {
			break
		}
		continue L
	}
}

func ok3() int {
	switch x {
	case 1:
		return 1
	case 2:
		fallthrough
	default:
		panic(0)
	}
}

func ok4() int {
	select {
	case <-c:
		return 1
	case c <- 1:
		goto L
	}
L:
	return 2
}

func ok5() int {
	if x > 0 {
		return 1
	} else if x < 0 {
		return -1
	} else {
		return 0
	}
}

func ok6() int {
	{
		return 1
	}
	;
}

func ok7() (r int) {
	(panic)("x")
}

func ok8() int {
	select {}
}

func ok9() int {
L:
	for {
		switch {
		case true:
			break
		}
		select {
		default:
			break
		}
		func() {
			for {
				break
			}
		}()
	}
}

func ok10(e interface{}) int {
	switch e.(type) {
	default:
		return 0
	}
}

func bad1() int {
	for x > 0 {
	}
}

func bad2() int {
	for {
		break
	}
}

func bad3() int {
L:
	for {
		for {
			break L
		}
	}
}

func bad4() int {
	for range c {
		return 1
	}
}

func bad5() int {
	switch x {
	case 1:
		return 1
	}
}

func bad6() int {
L:
	switch x {
	case 1:
		if x > 0 {
			break L
		}
		return 1
	default:
		return 2
	}
}

func bad7() int {
	select {
	case <-c:
		return 1
	case <-c:
		break
	}
}

func bad8() int {
	if x > 0 {
		return 1
	}
}

func bad9() int {
	if x > 0 {
		return 1
	} else if x < 0 {
		return 2
	}
}

func bad10() int {
	var panic = func(interface{}) {}
	panic(1)
}

func bad11() int {
	print(1)
}

func bad12() int {
	func() int {
		return 1
	}()
}

func bad13() int {
	f := func() int {
	}
	return f()
}

func bad14() int {
L:
	select {
	default:
		break L
	}
}

func bad15(e interface{}) int {
	switch e.(type) {
	case int:
		return 1
	}
}

func main() {}
