package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type MyErr struct{ code int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.code) }

func find(k string) error {
	if k == "x" {
		return fmt.Errorf("find %q: %w", k, ErrNotFound)
	}
	if k == "y" {
		return fmt.Errorf("wrapping my: %w", &MyErr{7})
	}
	return fmt.Errorf("plain %d", 42)
}

func main() {
	e := errors.New("boom")
	fmt.Println(e)
	fmt.Printf("%v|%s|%q|%T\n", e, e, e, e)
	fmt.Println(e.Error())
	e2 := find("x")
	fmt.Println(e2)
	fmt.Printf("%T\n", e2)
	fmt.Println(errors.Is(e2, ErrNotFound), errors.Is(e, ErrNotFound))
	fmt.Println(errors.Unwrap(e2) == ErrNotFound, errors.Unwrap(e) == nil)
	e3 := find("z")
	fmt.Printf("%T %v\n", e3, e3)
	e4 := find("y")
	fmt.Println(e4, errors.Unwrap(e4))
	if u, ok := e4.(interface{ Unwrap() error }); ok {
		fmt.Println("unwrap:", u.Unwrap())
	}
	e5 := fmt.Errorf("two %w %w", e, e)
	fmt.Println(e5)
	e6 := fmt.Errorf("bad %w", 5)
	fmt.Println(e6)
	fmt.Println(errors.Is(nil, nil), errors.Is(e, nil))
	fmt.Println(errors.New("a") == errors.New("a"))
	var err error = e
	switch err.(type) {
	case interface{ Unwrap() error }:
		fmt.Println("wraps")
	default:
		fmt.Println("plain")
	}
	panic(e2)
}
