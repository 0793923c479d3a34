package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

type T struct {
	X int
	y string
}

type MyInt int

func (MyInt) String() string { return "" }
func (MyInt) m()             {}
func (*MyInt) Set(int)       {}

type List[E any] struct {
	next *List[E]
	val  E
}

type Pair[K comparable, V any] struct {
	K K
	V V
}

type E struct {
	T
	*MyInt
	Z float64 `json:"z"`
}

type Padded struct {
	a int8
	b int64
}

type Blank struct {
	a int32
	_ int32
}

type Stringer interface{ String() string }

type Big struct{ a [20]int64 }

type Node struct {
	next *Node
	kids []Node
	val  int
}

func (n Node) Walk(f func(Node) bool) *Node { return nil }

type Tree struct {
	left, right *Tree
	up          chan *Tree
}

func (t *Tree) Insert(x *Tree) *Tree { return t }

type Fn func(Fn) Fn

type Expr interface {
	Eval(env []Expr, k chan Expr) Expr
	Sub() []Expr
}

type Mutual struct {
	b *Other
}

type Other struct {
	m  []Mutual
	op func(*Mutual) Other
}

type rtype struct {
	size       uintptr
	ptrdata    uintptr
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	equal      unsafe.Pointer
	gcdata     *byte
	str        int32
	ptrToThis  int32
}

type maptype struct {
	typ        rtype
	key        unsafe.Pointer
	elem       unsafe.Pointer
	bucket     *rtype
	hasher     unsafe.Pointer
	keysize    uint8
	elemsize   uint8
	bucketsize uint16
	flags      uint32
}

type eface struct {
	typ  *rtype
	data unsafe.Pointer
}

func mask(t *rtype) string {
	n := (t.ptrdata/8 + 7) / 8
	s := ""
	for i := uintptr(0); i < n; i++ {
		b := *(*byte)(unsafe.Pointer(uintptr(unsafe.Pointer(t.gcdata)) + i))
		s += fmt.Sprintf("%02x", b)
	}
	return s
}

// show prints gc's facts about the dynamic type of v, one line:
// %T|size|align|fieldAlign|ptrdata|gcdata|tflag|kind[|map facts].
func show(v any) {
	t := (*eface)(unsafe.Pointer(&v)).typ
	fmt.Printf("%T|%d|%d|%d|%d|%s|%d|%d", v, t.size, t.align, t.fieldAlign, t.ptrdata, mask(t), t.tflag&^2, t.kind&31)
	if t.kind&31 == 21 {
		m := (*maptype)(unsafe.Pointer(t))
		fmt.Printf("|%d|%d|%d|%d|%d|%s", m.keysize, m.elemsize, m.bucketsize, m.flags, m.bucket.ptrdata, mask(m.bucket))
	}
	fmt.Println()
}

// names prints the exported method set of v's type as reflect sees it.
func names(v any) {
	t := reflect.TypeOf(v)
	fmt.Print("methods ", t.String(), ":")
	for i := 0; i < t.NumMethod(); i++ {
		fmt.Print(" ", t.Method(i).Name)
	}
	fmt.Println()
}

func main() {
	show(int(0))
	show(int8(0))
	show(uint16(0))
	show(byte(0))
	show(rune(0))
	show(uintptr(0))
	show(float32(0))
	show(float64(0))
	show(complex64(0))
	show(complex128(0))
	show(true)
	show("")
	show(unsafe.Pointer(nil))
	show(T{})
	show(&T{})
	show([]string{})
	show([3]string{})
	show([2]float64{})
	show([0]string{})
	show([1]string{})
	show(map[string]int{})
	show(map[int]string{})
	show(map[float64]bool{})
	show(map[any]int{})
	show(map[[2]int64]Big{})
	show(map[Big]int8{})
	show(map[int]int{})
	show(struct {
		X int
		y string
	}{})
	show(struct{}{})
	show(struct{ a, b int32 }{})
	show(struct {
		a int32
		b int64
	}{})
	show(struct{ f float64 }{})
	show(struct{ s string }{})
	show(Padded{})
	show(Blank{})
	show(E{})
	show(struct {
		A int `k:"v"`
	}{})
	show(MyInt(0))
	show(new(MyInt))
	show(func(int) (string, error) { return "", nil })
	show(func(...string) {})
	show(func() {})
	show(func(a, b int) int { return 0 })
	show(any(nil) == nil)
	show(new(any))
	show(new(Stringer))
	show(new(interface{ m() }))
	show(new(interface {
		M()
		A(int) string
	}))
	show(new(error))
	show(make(chan int))
	show(make(chan<- int))
	show(make(<-chan []byte))
	show(make(chan (<-chan int)))
	show(List[int]{})
	show(&List[string]{})
	show(Pair[string, []int]{})
	show([]*T{})
	show([4]*int{})
	show([2]struct {
		p *int
		x int
	}{})
	show(struct {
		s []int
		i any
		m map[int]int
		c chan int
		f func()
		u uintptr
		p unsafe.Pointer
	}{})
	show([]any{})
	show(Big{})
	show(struct{ *MyInt }{})
	show(struct{ MyInt }{})
	show(Node{})
	show(&Node{})
	show(&Tree{})
	show(Fn(nil))
	show(new(Expr))
	show([]Expr{})
	show(&Other{})
	show(Mutual{})
	names(Node{})
	names(&Tree{})
	names(E{})
	names(&E{})
	names(struct{ *MyInt }{})
	names(struct{ MyInt }{})
	names(&struct{ MyInt }{})
	names(MyInt(0))
	names(new(MyInt))
}
