package main

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "big"
}

func swap(a, b string) (string, string) { return b, a }

func collatz(n int) (steps int) {
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return
}

func main() {
	for _, n := range []int{-5, 0, 3, 42} {
		println(n, classify(n))
	}
	x, y := swap("a", "b")
	println(x, y)
	println(collatz(27))
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			print(i, j, ";")
		}
	}
	println()
	switch x := 5; x {
	case 1, 2:
		println("1 or 2")
	case 5:
		println("five")
		fallthrough
	case 6:
		println("six too")
	default:
		println("default")
	}
	i := 0
loop:
	if i < 3 {
		i++
		goto loop
	}
	println(i)
}
