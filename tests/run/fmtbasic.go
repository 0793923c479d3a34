package main

import (
	"fmt"
	"math"
	"os"
	"strings"
)

type T struct {
	A int
	b string
}

func main() {
	fmt.Println("hello", 1, 2.5, true, nil, 'x', uint8(3))
	fmt.Printf("%5d|%-5s|%x|%q|%v|%T\n", 42, "ab", 255, "hi", 3.0, int8(1))
	s := fmt.Sprintf("%08.3f %+d %e", math.Pi, 5, 123456.789)
	fmt.Println(s, len(s))
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Fprintln(os.Stderr, "to stderr", 7)
	fmt.Println(strings.Repeat("ab", 3), strings.ToUpper("xyz"), strings.Index("hello", "ll"))
	fmt.Printf("%d %s\n", "x", 5)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%d %d\n", 1)
	fmt.Println(math.Sqrt(2), math.Inf(1), -math.Inf(1), math.NaN())
	fmt.Printf("%6.2f|%-8.3e|%g\n", 3.14159, 1234.5678, 1e21)
	fmt.Printf("%c|%U|%#x|%o|%b\n", 'A', 0x1F600, 255, 8, 5)
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 4, 2, 2, 3.14159)
	fmt.Printf("%t %v %p\n", true, false, nil)
	fmt.Printf("%%|%!|%z\n", 3)
	fmt.Println(fmt.Sprint("x", 3, 4, "y"), fmt.Sprintln("a", 1))
}
