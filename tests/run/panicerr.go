package main

import "fmt"

type MyErr struct{ code int }

func (e MyErr) Error() string { return fmt.Sprintf("myerr %d", e.code) }

type St struct{ s string }

func (s *St) String() string { return "St(" + s.s + ")" }

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		if e, ok := r.(error); ok {
			fmt.Println("error:", e.Error())
		}
	}()
	f()
}

func main() {
	try(func() { panic(MyErr{1}) })
	try(func() { panic(&St{"x"}) })
	try(func() { panic(fmt.Sprintf("formatted %d", 42)) })
	defer func() {
		panic(&St{"second"})
	}()
	panic(MyErr{7})
}
