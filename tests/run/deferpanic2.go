// A deferred call's panic recovered by its own nested defer: the first
// panic goes on unrecovered, and gc prints only it.
package main

import "fmt"

func nestedNoRecoverFirst() (r int) {
	defer func() {
		defer func() {
			fmt.Println("inner:", recover())
			r = 7
		}()
		panic("second")
	}()
	panic("first")
}

func main() {
	fmt.Println(nestedNoRecoverFirst())
}
