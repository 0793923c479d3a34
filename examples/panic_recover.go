// panic unwinds through deferred calls; recover stops it only when called
// directly by a deferred function; a deferred call may panic again.
package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func helper() interface{} { return recover() }

func indirect() (r interface{}) {
	defer func() {
		r = recover()
	}()
	defer func() {
		fmt.Println("recover not called directly by the deferred function:", helper())
	}()
	panic("boom")
}

func repanic() (msg string) {
	defer func() {
		msg = fmt.Sprint("outer recovered: ", recover())
	}()
	defer func() {
		panic(errors.New("second panic"))
	}()
	panic("first panic")
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(indirect())
	fmt.Println(repanic())
	fmt.Println(recover())

	defer fmt.Println("deferred calls still run")
	var m map[string]int
	m["x"] = 1
}
