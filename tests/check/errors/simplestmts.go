package main

import "fmt"

type T struct{ f func() int }

func two() (int, int) { return 1, 2 }

func none() {}

func results() (a int, err error) {
	{
		a := 1
		_ = a
		return
	}
}

func results2() (x, y int) {
	if x := 2; x > 0 {
		return
	}
	var y = 1
	_ = y
	return
}

func counts() (int, string) {
	if true {
		return 1, "a", 2
	}
	if false {
		return two()
	}
	return
}

func unnamed() int {
	return
}

func main() {
	var t T
	var ch chan int
	var rch <-chan int
	var ich interface{}
	var s string
	var i int
	var f float64
	var p *int
	t.f
	t.f()
	two()
	none()
	fmt.Println
	int
	len
	i + 1
	-i
	<-ch
	(<-ch)
	go t.f()
	defer t.f()
	defer fmt.Println()
	go len(s)
	defer cap(s)
	go new(int)
	defer int(1)
	defer recover()
	go panic(1)
	defer print(1)
	go copy([]int{}, []int{})
	defer close(ch)
	go func() {}()
	defer func() int { return 1 }()
	rch <- 1
	ich <- 1
	ch <- "x"
	ch <- 1
	s++
	p++
	f++
	f--
	i += "x"
	s += "x"
	s -= "x"
	i <<= 2
	f <<= 2
	i, s = two()
	i, s := 1, "x"
	a, b, c := two()
	_, _, _ = a, b, c
	var d, e = two(), 1
	_, _ = d, e
	select {
	case ch <- 1:
	case <-ch:
	case i = <-ch:
	case i, ok := <-ch:
		_ = ok
	case i + 1:
	case ch:
	}
	if i {
	}
	for s {
	}
	for i := 0; i < 10; i++ {
	}
}
