// Operators, selectors, indexing, slicing, constants, closures.
package main

import (
	"fmt"
	"math"
	"unsafe"
)

var sink interface{}

type T struct {
	a   int
	s   string
	p   *T
	arr [4]int
	m   map[string]*T
}

type E struct {
	T
	x int
}

type PE struct {
	*T
}

const C = 10
const S = "const"

type Enum int

const Red Enum = 3

func ops(x, y, z int, b bool, s, t, u string, f float64, c chan int, ip *int) {
	sink = x + y
	sink = x * (y + z)
	sink = (x + y) * z
	sink = x - (y - z)
	sink = x - y - z
	sink = -x
	sink = - -x
	sink = ^x
	sink = !b
	sink = b && x > y
	sink = b || (x > y && y > z)
	sink = x << 2
	sink = x &^ y
	sink = x % y
	sink = *ip
	sink = *&x
	sink = &x
	sink = <-c
	sink = -f
	sink = s + t
	sink = s + t + u
	sink = s + (t + u)
	sink = (s + t) + u
	sink = "a" + s
	sink = s + "b" + "c"
	sink = "a" + "b" + s
	sink = s + S
	sink = s[1:] + t
	sink = x == y
	sink = s < t
	sink = float64(x) / f
	s += t
	sink = s
}

func consts() {
	sink = 1
	sink = 1.5
	sink = 'x'
	sink = "str"
	sink = `raw`
	sink = true
	sink = C
	sink = S
	sink = Red
	sink = C * 2
	sink = 1 << 10
	sink = -C
	sink = math.Pi
	sink = math.MaxInt64
	sink = len("abc")
	sink = unsafe.Sizeof(C)
	sink = int64(C)
	sink = Enum(2)
	sink = (C + 1) * 2
	sink = 2i
	sink = nil
	sink = 1e100
	fmt.Println(1, "a", C, Red, true, 3.5)
}

func sels(t T, p *T, e E, pe PE, a [4]int, pa *[4]int, sl []int, m map[string]*T, mi map[interface{}]int, k string) {
	sink = t.a
	sink = p.a
	sink = p.p.p.s
	sink = e.a
	sink = e.T.a
	sink = pe.a
	sink = pe.s
	sink = t.arr[1]
	sink = p.arr[2:]
	sink = a[1]
	sink = pa[1]
	sink = pa[:]
	sink = a[:]
	sink = sl[1:2]
	sink = sl[1:2:3]
	sink = sl[:k2()]
	sink = k[1:]
	sink = m[k]
	sink = m[k].a
	sink = t.m["x"]
	sink = mi[k]
	sink = (*p).a
	sink = (&t).s
	sink = &t.a
	sink = &p.arr
	sink = &sl[0]
	sink = &a
	sink = *pa
	sink = T{}.a
	sink = (&T{}).a
	sink = []int{1}[0]
	sink = map[string]int{}["x"]
	x := 5
	func() {
		sink = x
	}()
	sink = func() int { return x }
	fn := func(y int) int { return x + y }
	sink = fn
	sink = fn(1)
}

func k2() int { return 1 }

func asserts(i interface{}, e error) {
	sink = i.(int)
	sink = i.(*T)
	sink = i.(fmt.Stringer)
	sink = e.(interface{ Timeout() bool })
	sink = i.([]int)
	sink = i.(map[string]int)
	if v, ok := i.(T); ok {
		sink = v
	}
	switch v := i.(type) {
	case int:
		sink = &v
	case string, []byte:
		sink = v
	}
}

func main() {
	ops(1, 2, 3, true, "", "", "", 1, nil, nil)
	consts()
	sels(T{}, nil, E{}, PE{}, [4]int{}, nil, nil, nil, nil, "")
	asserts(nil, nil)
}
