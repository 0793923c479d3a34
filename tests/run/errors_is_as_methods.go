// errors.Is and errors.As calling the error's own Is and As methods (a
// panic in one unwinds through the call), As rejecting a target type that
// does not implement error, and reflect.Value.Call with a panicking
// function.
package main

import (
	"errors"
	"fmt"
	"reflect"
)

type E struct{ s string }

func (e *E) Error() string        { return e.s }
func (e *E) Is(t error) bool      { return t == errTarget }
func (e *E) As(t interface{}) bool { p, ok := t.(*int); if ok { *p = 7 }; return ok }

type P struct{}

func (P) Error() string       { return "p" }
func (P) Is(t error) bool     { panic("boom in Is") }

var errTarget = errors.New("target")

func main() {
	e := fmt.Errorf("wrap: %w", &E{"inner"})
	fmt.Println(errors.Is(e, errTarget), errors.Is(e, errors.New("x")))
	var n *int
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(errors.As(e, &n), n)
	}()
	var ae interface{ Error() string }
	fmt.Println(errors.As(e, &ae), ae)
	var pe *E
	fmt.Println(errors.As(e, &pe), pe.s)
	f := reflect.ValueOf(func(a, b int) (int, string) { return a + b, "ok" })
	out := f.Call([]reflect.Value{reflect.ValueOf(2), reflect.ValueOf(3)})
	fmt.Println(out[0].Int(), out[1].String())
	g := reflect.ValueOf(func() { panic("in reflect call") })
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		g.Call(nil)
	}()
	defer func() { fmt.Println("recovered:", recover()) }()
	errors.Is(P{}, errTarget)
}
