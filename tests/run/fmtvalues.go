package main

import (
	"fmt"
	"os"
)

type Point struct {
	X, Y int
}

type Named struct {
	Name  string
	inner Point
	Tags  []string
	Any   interface{}
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type PS struct{ n int }

func (p *PS) String() string { return fmt.Sprint("PS#", p.n) }

type Boom struct{}

func (Boom) String() string { panic("boom") }

type NilDeref struct{ v int }

func (n *NilDeref) String() string { return fmt.Sprint(n.v) }

type MyErr struct{ code int }

func (e MyErr) Error() string { return fmt.Sprintf("myerr %d", e.code) }

type GS struct{}

func (GS) GoString() string { return "GS!" }

type MyInt int
type Bytes []byte

func main() {
	var np0 *Point
	p := Point{1, 2}
	fmt.Println(np0, nil, []int(nil))
	fmt.Printf("%#v %#v\n", []int(nil), []int{1, 2})
	fmt.Println(p, &p)
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	n := Named{"n", p, []string{"a", "b"}, 3}
	fmt.Printf("%v\n%+v\n", n, n)
	fmt.Println(Celsius(21.5), []Celsius{1, 2})
	fmt.Printf("%s|%v|%d|%q\n", Celsius(3), Celsius(4), MyInt(5), Celsius(6))
	fmt.Println(&PS{7}, PS{8})
	fmt.Println(Boom{}, "after")
	var nd *NilDeref
	fmt.Println(nd)
	fmt.Printf("[%v] [%s] [%d]\n", MyErr{3}, MyErr{4}, MyErr{5})
	var err error = MyErr{9}
	fmt.Println(err)
	fmt.Printf("%#v %v\n", GS{}, GS{})
	fmt.Printf("%x %X %s %q %v\n", []byte("hi"), Bytes("hi"), []byte("yo"), Bytes("q"), Bytes("ab"))
	fmt.Printf("%v %d\n", [3]int{1, 2, 3}, []MyInt{4, 5})
	fmt.Printf("%5v|%-6v|%05d\n", []int{1, 2}, "ab", -42)
	fmt.Printf("%08.3f|%+.2e|%x\n", -3.14159, 12345.678, 3.5)
	fmt.Printf("%v %v\n", struct{}{}, struct {
		A int
		B string
	}{1, "x"})
	fmt.Printf("%d %s\n", []string{"a"}, 5)
	fmt.Printf("%!\n")
	fmt.Printf("%[2]d %[1]d\n", 1, 2)
	fmt.Printf("%[3]d\n", 1, 2)
	fmt.Printf("%.2s|%.0d|%+q\n", "hello", 0, "héllo")
	fmt.Printf("%c %c %U %#U\n", 65, 0x4E16, 0x4E16, 'x')
	fmt.Printf("%t %v\n", false, true)
	fmt.Printf("%v %.3v %10.4v|\n", 1e6, 3.14159, 2.0/3)
	fmt.Printf("%v %v\n", complex(1, -2), complex64(complex(0.5, 1)))
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%s %v\n", nil, nil)
	fmt.Printf("%T %T %T\n", nil, err, &p)
	type inner struct{ a, b interface{} }
	fmt.Printf("%v %+v\n", inner{1, nil}, inner{"x", []int{1}})
	fmt.Println(int8(-5), uint16(65535), uintptr(10), float32(0.1), 1e100)
	fmt.Fprintf(os.Stdout, "%s=%d\n", "k", 1)
	fmt.Fprint(os.Stderr, "err", 1, 2, "\n")
	s := fmt.Sprintln("x", 1, true)
	fmt.Print(s)
	fmt.Println(fmt.Sprint(1, 2, "a", 3, "b", "c", 4.5))
	pp := &p
	fmt.Printf("%v %+v\n", &pp == nil, []*Point{nil})
	fmt.Printf("%v\n", [][]int{{1}, {2, 3}})
}
