// `defer recover()` inside a deferred function recovers (the wrapper gc
// makes for it is transparent), while recover in a function a deferred
// call calls does not.
package main

import "fmt"

func helper() interface{} { return recover() }

func main() {
	func() {
		defer func() {
			defer recover()
		}()
		panic("first")
	}()
	fmt.Println("after first")
	defer func() { fmt.Println("outer:", recover()) }()
	func() {
		defer func() {
			fmt.Println("helper:", helper())
		}()
		panic("second")
	}()
	fmt.Println("not reached")
}
