package main

import "fmt"

type T struct{ name string }

func (t *T) Close() { fmt.Println("close", t.name) }

func safeDiv(a, b int) (q int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Sprint(r)
			q = -1
		}
	}()
	return a / b, ""
}

func order() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	t := &T{"file"}
	defer t.Close()
	fmt.Println("body")
}

func named() (n int) {
	defer func() { n *= 2 }()
	n = 21
	return n
}

func rethrow() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	var xs []int
	_ = xs[3]
}

func main() {
	order()
	fmt.Println(named())
	rethrow()
	fmt.Println(recover())
	defer fmt.Println("main deferred")
	defer func() {
		fmt.Println("last words")
	}()
	panic(fmt.Sprint("boom ", 42))
}
