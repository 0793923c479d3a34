package main

func f() int {
}

func g(x int) int {
	if x > 0 {
		return 1
	}
}

func h() (int, string) {
	return 1
}

func k() {
	return 1
}

func l(x int) int {
	for {
	}
}

func m(x int) int {
	switch x {
	case 1:
		return 1
	default:
		panic("x")
	}
}

func main() {}
