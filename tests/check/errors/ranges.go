package main

type Ints []int

func ranges(s []string, a [3]byte, pa *[3]float64, ps *[]int, m map[string]bool,
	c chan int, rc <-chan int, sc chan<- int, str string, n int, f func(), is Ints) {
	var i int
	var b byte
	var r rune
	var x string
	for i, x = range s {
	}
	for x, i = range s {
	}
	for i, b = range a {
	}
	for i, x = range pa {
	}
	for range ps {
	}
	for x, b = range m {
	}
	for x = range c {
	}
	for i, r = range str {
	}
	for i, b = range str {
	}
	for range rc {
	}
	for range sc {
	}
	for k, v := range c {
	}
	for range n {
	}
	for range f {
	}
	for range 10 {
	}
	for i, v, w := range is {
	}
	for _, _ = range is {
	}
	for _ := range is {
	}
	for i := range is {
	}
	for i, f() := range is {
	}
	for is[0] = range is {
	}
	for i := range undefinedSlice {
		_ = i
	}
	var u uint
	for u = range is {
	}
	for k, v := range m {
		_ = k
		_ = v
	}
	_, _, _, _ = i, b, r, x
}

func main() {}
