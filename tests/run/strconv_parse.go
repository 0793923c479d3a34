package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"12", "-7", "x", "", "99999999999999999999", "0x1f", " 3"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	v, err := strconv.ParseInt("ff", 16, 64)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("1", 99, 8)
	fmt.Println(v, err)
	u, err := strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
	f, err := strconv.ParseFloat("3.25", 64)
	fmt.Println(f, err)
	f, err = strconv.ParseFloat("1e400", 64)
	fmt.Println(f, err)
	f, err = strconv.ParseFloat("abc", 64)
	fmt.Println(f, err)
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err)
	b, err = strconv.ParseBool("yes")
	fmt.Println(b, err)
	_, err = strconv.Atoi("zz")
	fmt.Printf("%T %v\n", err, err)
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println("func:", ne.Func, "num:", ne.Num, "err:", ne.Err)
		fmt.Println(ne.Error())
		fmt.Println(errors.Unwrap(err))
	}
	var ne *strconv.NumError
	_ = ne
	fmt.Println(errors.Is(err, err))
	fmt.Printf("%v\n", fmt.Errorf("ctx: %w", err))
	if _, err := strconv.Atoi("q"); err != nil {
		fmt.Println("error:", err.Error())
	}
}
