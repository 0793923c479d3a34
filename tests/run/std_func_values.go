package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

func mapper[F, T any](s []F, f func(F) T) []T {
	r := make([]T, len(s))
	for i, v := range s {
		r[i] = f(v)
	}
	return r
}

func main() {
	fmt.Println(mapper([]int{1, 2, 3}, strconv.Itoa))
	f := strings.ToUpper
	fmt.Println(f("abc"), mapper([]string{"a", "b"}, strings.ToUpper))
	xs := []int{3, 1, 2}
	g := sort.Ints
	g(xs)
	fmt.Println(xs)
	var atoi func(string) (int, error) = strconv.Atoi
	fmt.Println(atoi("12"))
	fmt.Println(atoi("x"))
	fmt.Printf("%T\n", f)
}
