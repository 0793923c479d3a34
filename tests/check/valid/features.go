package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unsafe"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

type Named struct {
	Rect
	Name string `json:"name"`
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

var ErrEmpty = errors.New("empty")

func divmod(a, b int) (q, r int, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("recovered: %v", x)
		}
	}()
	q, r = a/b, a%b
	return
}

func main() {
	var s Shape = Rect{3, 4}
	n := Named{Rect{1, 2}, "r"}
	fmt.Println(s.Area(), n.Area(), n.Perimeter(), unsafe.Sizeof(n))
	st := &Stack[string]{}
	st.Push("a")
	if v, ok := st.Pop(); ok {
		fmt.Println(v)
	}
	fmt.Println(Max(1, 2), Max("a", "b"), KB, MB, GB)
	m := map[string][]int{"a": {1, 2}, "b": {3}}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for i, k := range keys {
		sb.WriteString(k + strconv.Itoa(i))
	}
	ch := make(chan int, 1)
	go func() { ch <- 1 }()
	select {
	case v := <-ch:
		fmt.Println(v)
	default:
	}
	switch x := interface{}(s).(type) {
	case Rect:
		fmt.Println("rect", x.W)
	case nil:
	default:
		fmt.Println(x)
	}
	if _, _, err := divmod(1, 0); err != nil {
		fmt.Fprintln(os.Stderr, err, ErrEmpty)
	}
	arr := [...]int{5, 2, 7}
	sl := arr[1:2:3]
	fmt.Printf("%v %d %s\n", sl, len(arr), sb.String())
outer:
	for i := 0; i < 3; i++ {
		for j := range arr {
			if j == i {
				continue outer
			}
			if i > 1 {
				break outer
			}
		}
	}
	f := func(xs ...int) int { return len(xs) }
	fmt.Println(f(arr[:]...), strings.Repeat("-", 3), 'x', 1.5i, 0x1p-2, 0o17, 0b101, 1_000)
}
