// The seed document's first case: an int passed to fmt.Println. Println
// takes ...interface{}, so a is boxed into an interface, and fmt keeps
// its arguments (they may be retained by a Stringer), so the box escapes.
package main

import "fmt"

func main() {
	a := 666
	fmt.Println(a)
}
