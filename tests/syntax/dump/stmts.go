package stmts

func f(c chan int, xs []int, m map[string]int) int {
	x := 1
	x += 2
	x++
	c <- x
	var a, b = 1, 2
	const k = 3
	type t int
L:
	for i := 0; i < 10; i++ {
		if i == 5 {
			continue L
		} else if i == 6 {
			break L
		} else {
			goto M
		}
	}
M:
	for range xs {
	}
	for k, v := range m {
		_, _ = k, v
	}
	for x < 100 {
		x *= 2
	}
	switch y := x % 3; y {
	case 0, 1:
		fallthrough
	default:
	}
	switch v := interface{}(x).(type) {
	case int, string:
		_ = v
	case nil:
	}
	select {
	case v := <-c:
		_ = v
	case c <- 1:
	default:
	}
	go func() {}()
	defer fmt(a, b)
	{
		;
	}
	return x
}
