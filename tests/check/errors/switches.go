package main

import "fmt"

type I interface{ M() }

type T int

func (*T) M() {}

type S struct{}

func (S) M() {}

type F func()

const ab = "ab"

func exprSwitches(x int, s string, e interface{}, f F, m map[int]int) {
	switch x {
	case 1, 2:
	case 3, 1:
	case 2:
	default:
	default:
	}
	switch s {
	case "a", "b":
	case ab, "ab":
	case x:
	}
	switch e {
	case 1, int64(1), 1:
	case "x", "x":
	case nil, nil:
	}
	switch f {
	case nil:
	case f:
	}
	switch m {
	case nil:
	}
	switch [1]func(){} {
	}
	switch {
	case x > 0:
	case x > 0:
	case 1:
	}
	switch x := x * 2; {
	case x > 0:
	}
	switch y := 1; x {
	}
	switch fmt.Println {
	}
}

func typeSwitches(e interface{}, i I, n int) {
	switch e.(type) {
	case int, string:
	case int:
	case nil:
	case nil:
	case fmt.Stringer, error:
	case interface{ String() string }:
	default:
	default:
	}
	switch i.(type) {
	case T:
	case *T:
	case S:
	case *S:
	case int:
	}
	switch n.(type) {
	}
	switch v := e.(type) {
	case int:
	}
	switch v := e.(type) {
	case int:
		_ = v + 1
	case string:
	}
	switch v := e.(type) {
	case int, string:
		_ = v + 1
	case bool:
		_ = v && true
	default:
		_ = v.(int)
	case nil:
		_ = v.(int)
	}
	switch _ := e.(type) {
	}
	switch x := undefinedThing.(type) {
	}
	switch e.(type) {
	case undefinedType:
	}
}

func main() {
	exprSwitches(0, "", nil, nil, nil)
	typeSwitches(nil, nil, 0)
}
