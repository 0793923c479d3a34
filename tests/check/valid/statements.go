package main

import (
	"errors"
	"fmt"
	"os"
)

// Package-level initialization through functions and methods, in an
// order that differs from the source order.
var (
	total = sum(values...)
	values = []int{first, second}
	first  = 1
	second = T{}.two()
	a, b   = pair()
)

type T struct{ n int }

func (T) two() int { return 2 }

func pair() (int, string) { return first, "b" }

func sum(xs ...int) (s int) {
	for _, x := range xs {
		s += x
	}
	return
}

type Shape interface{ Area() float64 }

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

func classify(e interface{}) string {
	switch v := e.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("integer ", v)
	case string:
		return "string " + v
	case Shape:
		return fmt.Sprint("shape ", v.Area())
	case error:
		return v.Error()
	default:
		return "other"
	}
}

func grade(n int) (g string) {
	switch {
	case n >= 90:
		g = "A"
	case n >= 80:
		g = "B"
		fallthrough
	case n >= 70:
		g += "C"
	default:
		g = "F"
	}
	return
}

func loops() int {
	n := 0
	m := map[string]int{"a": 1, "b": 2}
	for k, v := range m {
		n += len(k) + v
	}
	for i := range "héllo" {
		n += i
	}
	for _, r := range "héllo" {
		n += int(r)
	}
	arr := [3]int{1, 2, 3}
	for i, x := range &arr {
		n += i * x
	}
	var ps *[4]string
	for i := range ps {
		n += i
	}
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	for x := range ch {
		n += x
	}
	var i int
	for i = range []bool{true, false} {
	}
	n += i
Outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue Outer
			}
			if i == 2 {
				break Outer
			}
		}
	}
	for range [2]struct{}{} {
		n++
	}
	return n
}

func jumps(n int) int {
	i := 0
loop:
	if i < n {
		i++
		goto loop
	}
	goto done
done:
	return i
}

func sel(c1, c2 chan int, quit chan struct{}) (got int) {
	for {
		select {
		case v := <-c1:
			got += v
		case v, ok := <-c2:
			if !ok {
				return
			}
			got += v
		case c1 <- 1:
		case <-quit:
			return
		default:
			return -1
		}
	}
}

func deferred() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	defer fmt.Println("deferred print")
	defer print("")
	defer close(make(chan int))
	defer delete(map[int]int{}, 1)
	m := []int{1}
	defer copy(m, m)
	go func(x int) {}(1)
	go fmt.Sprint()
	panic(errors.New("boom"))
}

func must(ok bool) int {
	if !ok {
		panic("not ok")
	}
	return 1
}

func terminating(x int) int {
	switch x {
	case 0:
		return 0
	default:
		for {
		}
	}
}

func main() {
	fmt.Println(total, a, b, classify(Square{2}), grade(85), loops(), jumps(3))
	fmt.Println(sel(make(chan int), make(chan int), make(chan struct{})), deferred(), must(true))
	if len(os.Args) > 5 {
		fmt.Println(terminating(0))
	}
	var x, y = 1, 2
	x, y = y, x
	x++
	y -= x
	fmt.Println(x, y)
	{
		x := "shadow"
		_ = x
	}
	f := func() func() int {
		return func() int { return x }
	}
	fmt.Println(f()())
}
