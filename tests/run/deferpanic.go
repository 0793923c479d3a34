// Panics inside deferred calls: recovered by a nested defer, by a later
// defer of an outer frame (the first panic is then aborted), re-panicking
// after a recovery, and during a normal return's deferred calls.
package main

import "fmt"

type myErr struct{ s string }

func (e *myErr) Error() string { return e.s }

func nested() {
	defer func() {
		fmt.Println("recovered:", recover())
		defer func() { fmt.Println("recovered:", recover()) }()
		var s []int
		_ = s[5]
	}()
	var s []int
	_ = s[3]
}

func chain() {
	defer func() {
		r := recover()
		fmt.Println("got", r)
		defer func() { fmt.Println("inner:", recover()) }()
		defer func() { panic(fmt.Sprint("again after ", r)) }()
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func abortFirst() {
	defer func() { fmt.Println("outer recovered:", recover()) }()
	defer func() {
		panic(&myErr{"from defer"})
	}()
	panic("first")
}

func level2() {
	defer func() {
		panic(fmt.Sprint("level2 defer, recovered ", recover()))
	}()
	panic("level2")
}

func level1() (s string) {
	defer func() {
		s = fmt.Sprint("level1 got: ", recover())
	}()
	level2()
	return "unreached"
}

func onReturn() (n int) {
	defer func() {
		defer func() {
			fmt.Println("onReturn recovered:", recover())
			n *= 2
		}()
		n++
		var m map[string]int
		m["x"] = 1
	}()
	return 20
}

func deep(k int) {
	if k == 0 {
		panic("deep")
	}
	defer func() {
		if k%2 == 0 {
			if r := recover(); r != nil {
				fmt.Println("deep recovered at", k, r)
				panic(fmt.Sprint("re", k))
			}
		}
	}()
	deep(k - 1)
}

func runDeep() {
	defer func() { fmt.Println("runDeep:", recover()) }()
	deep(5)
}

func main() {
	nested()
	fmt.Println("after nested")
	chain()
	abortFirst()
	fmt.Println(level1())
	fmt.Println(onReturn())
	runDeep()
	for i := 0; i < 3; i++ {
		nested()
	}
	fmt.Println("end")
}
