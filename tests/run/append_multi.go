// append(f()) with f returning the slice and then the elements, converted
// to the element type as an assignment would.
package main

import "fmt"

type P struct{ x, y int }

func two() ([]string, string)              { return []string{"foo"}, "bar" }
func three() ([]byte, byte, byte)          { return []byte{'a', 'b'}, '1', '2' }
func ifaces() ([]interface{}, int, string) { return nil, 7, "s" }
func pts() ([]P, P, P)                     { return make([]P, 1, 1), P{1, 2}, P{3, 4} }
func onlySlice() []int                     { return []int{9} }

func main() {
	s := append(two())
	fmt.Println(s, len(s), cap(s))
	b := append(three())
	fmt.Println(string(b), len(b), cap(b))
	i := append(ifaces())
	fmt.Println(i, len(i), cap(i))
	p := append(pts())
	fmt.Println(p, len(p), cap(p))
	fmt.Println(append(onlySlice()))
}
