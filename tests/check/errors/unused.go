package main

func used(...interface{}) {}

func main() {
	z, a := 1, 2
	var (
		m int
		b = 3
	)
	c := 4
	c = 5
	d := 6
	d++
	e := 7
	e += 1
	f := 8
	func() {
		f = 9
	}()
	g := 10
	func() {
		used(g)
	}()
	h := func() {
		hh := 1
	}
	_ = h
	if i := 1; true {
	}
	for j := 0; ; {
		break
	}
	switch k := 1; {
	}
	{
		l := 1
		{
			l := 2
			_ = l
		}
	}
	var p, q = 1, 2
	p, q = q, p
	var _ = 1
	_ = z
	used(b)
	var s struct{ x int }
	s.x = 1
	var arr [2]int
	arr[0] = 1
	var ptr *int
	*ptr = 1
	ch := make(chan int)
	select {
	case v := <-ch:
	case w, ok := <-ch:
		_ = ok
	}
}
