// Division by zero recovered many times (gc's static divideError), the
// recovered values compared and printed, interface comparisons with nil on
// either side, and chains of integer conversions.
package main

import "fmt"

func div(x, y int64) (q int64, err interface{}) {
	defer func() { err = recover() }()
	return x / y, nil
}

func mod8(x, y uint8) (r uint8, err interface{}) {
	defer func() {
		if e := recover(); e != nil {
			err = e
		}
	}()
	return x % y, nil
}

func main() {
	n := 0
	var last interface{}
	for i := int64(0); i < 5000; i++ {
		_, err := div(i, i%3)
		if err != nil {
			n++
			last = err
		}
	}
	fmt.Println(n, last)
	_, e1 := div(1, 0)
	_, e2 := div(2, 0)
	fmt.Println(e1 == e2, nil == e1, e1 != nil)
	r, e := mod8(7, 0)
	fmt.Println(r, e, e == nil, nil != e)
	r, e = mod8(7, 3)
	fmt.Println(r, e, e == nil, nil != e)
	var x uint64 = 1<<40 | 0xfffe
	fmt.Println(uint64(uint32(x)) == x, uint64(uint16(x)), int64(int8(x)), int16(uint8(x)))
	for _, v := range []int64{-1, 127, 128, -129, 1 << 33} {
		fmt.Println(int64(int32(v)) == v, int8(v), uint8(v), uint16(int8(v)), int32(uint16(v)))
	}
}
