package main

func y() (int, bool) { return 4, false }

func x1() (a int, b bool) {
	defer func() { a++ }()
	a, b = y()
	return
}

func x2() (a int, b bool) {
	defer func() { a++ }()
	return y()
}

func x3() (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = "recovered"
		}
	}()
	var p *int
	return string(rune(*p))
}

func main() {
	a, _ := x1()
	b, _ := x2()
	println(a, b, x3())
}
