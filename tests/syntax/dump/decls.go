package decls

import (
	"fmt"
	m "math"
	. "strings"
	_ "unsafe"
)

const (
	A, B = iota, iota * 10
	C, D
	_, _
	E int = 7
	F
)

var (
	x, y int = 1, 2
	z        = fmt.Sprint(m.Pi, Repeat("a", 2))
)

type (
	Point struct {
		X, Y float64 `json:"x"`
		*Point
		fmt.Stringer
		List[int]
		arr [4]int
		G[int, string]
	}
	Shape interface {
		Area() float64
		fmt.Stringer
		~int | ~float64
	}
	Alias = Point
	Arr   [N]int
	Ptr[P *C] []P
	Vec[T any] []T
	Map[K comparable, V any] map[K]V
)

func (p *Point) Move(dx, dy float64) (ok bool) { return }

func (l *List[T]) Push(v T) {}

func Sum[T ~int | ~float64](xs ...T) (s T) { return }

func external(int) string
