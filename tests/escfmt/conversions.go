// Conversions as gc prints them in escape messages.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

var sink interface{}

type B byte
type R rune
type Bs []byte
type MyInt int
type T struct{ a, b int }
type I interface{ M() }

func (T) M() {}

func conv(s string, b []byte, r []rune, bb []B, rr []R, n int, p *T, t T) {
	sink = []byte(s)
	sink = []rune(s)
	sink = string(b)
	sink = string(r)
	sink = []rune("abc")
	sink = []rune("")
	sink = []byte("abc")
	sink = string(bb)
	sink = string(rr)
	sink = Bs(s)
	sink = Bs(b)
	sink = interface{}(n)
	sink = any(n)
	sink = I(t)
	sink = error(nil)
	sink = (*T)(p)
	sink = MyInt(n)
	sink = time.Duration(n)
	sink = string(rune(n))
	sink = io.Reader(os.Stdin)
	sink = []interface{}{n}
	sink = strings.NewReader(s)
	sink = errors.New(s)
	fmt.Println(string(b), []byte(s), float64(n))
}

func main() {
	conv("a", nil, nil, nil, nil, 1, nil, T{})
}
