package main

import (
	"errors"
	"fmt"
	"strconv"
)

type MyErr struct{ code int }

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.code) }

type ValErr struct{ s string }

func (e ValErr) Error() string { return "val " + e.s }

func main() {
	base := &MyErr{3}
	e := fmt.Errorf("outer: %w", fmt.Errorf("mid: %w", base))
	var me *MyErr
	fmt.Println(errors.As(e, &me), me == base, me)
	var ve ValErr
	fmt.Println(errors.As(e, &ve), ve)
	e2 := fmt.Errorf("w: %w", ValErr{"x"})
	fmt.Println(errors.As(e2, &ve), ve)
	_, err := strconv.Atoi("bad")
	var ne *strconv.NumError
	if errors.As(fmt.Errorf("wrap: %w", err), &ne) {
		fmt.Println("numerror", ne.Func, ne.Num, ne.Err)
	}
	var iface interface{ Unwrap() error }
	fmt.Println(errors.As(e, &iface), iface)
	var anyErr error
	fmt.Println(errors.As(e, &anyErr), anyErr)
	fmt.Println(errors.As(errors.New("plain"), &me))
	defer func() { fmt.Println("recovered:", recover()) }()
	errors.As(e, nil)
}
