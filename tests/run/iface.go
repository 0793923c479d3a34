package main

import "fmt"

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ w, h float64 }

func (r Rect) Area() float64 { return r.w * r.h }
func (r Rect) Name() string   { return "rect" }

type Circle struct{ r float64 }

func (c *Circle) Area() float64 { return 3 * c.r * c.r }
func (c *Circle) Name() string   { return "circle" }

type MyInt int

func (m MyInt) Name() string   { return "myint" }
func (m MyInt) Area() float64 { return float64(m) }

type Named interface{ Name() string }

type Wrapper struct {
	Rect
	extra int
}

type Node struct {
	next *Node
	val  int
}

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprint("int ", v)
	case string, bool:
		return fmt.Sprint("string or bool ", v)
	case Shape:
		return "shape " + v.Name()
	case *Node:
		return fmt.Sprint("node ", v.val)
	default:
		return "other"
	}
}

func main() {
	var s Shape = Rect{2, 3}
	fmt.Println(s.Area(), s.Name())
	s = &Circle{1}
	fmt.Println(s.Area(), s.Name())
	s = MyInt(7)
	fmt.Println(s.Area(), s.Name())
	s = Wrapper{Rect{1, 5}, 0}
	fmt.Println(s.Area(), s.Name())
	var n Named = s
	fmt.Println(n.Name())
	var e any = 5
	i, ok := e.(int)
	fmt.Println(i, ok)
	str, ok := e.(string)
	fmt.Println(str, ok, len(str))
	fmt.Println(e == 5, e != 5, e == any(6))
	var e2 any
	fmt.Println(e2 == nil, e == nil)
	fmt.Println(describe(nil), describe(3), describe("x"), describe(true), describe(Rect{1, 1}), describe(&Node{nil, 4}), describe(2.5))
	sh, ok := e.(Shape)
	fmt.Println(sh == nil, ok)
	var r Rect = s.(Wrapper).Rect
	fmt.Println(r.w, r.h)
	var ps *Circle
	s = ps
	fmt.Println(s == nil, s != nil)
	l := &Node{&Node{nil, 2}, 1}
	var x any = l
	fmt.Println(x.(*Node).next.val)
	var big any = 1000
	var small any = 100
	fmt.Println(big, small, big == small)
	var sl any = []int{1}
	fmt.Println(catch(func() { _ = sl == sl }))
	fmt.Println(catch(func() { var q any = "str"; _ = q.(int) }))
	fmt.Println(catch(func() { var q any; _ = q.(int) }))
	fmt.Println(catch(func() { var q any = 3; _ = q.(Shape) }))
	fmt.Println(catch(func() { var q any; _ = q.(Shape) }))
	fmt.Println(catch(func() { var q Shape = Rect{}; _ = q.(*Circle) }))
	fmt.Println(catch(func() { var q Shape = Rect{}; _ = q.(MyInt) }))
	fmt.Println(catch(func() { var q Named; q.Name() }))
	fmt.Println(catch(func() { var q any = Node{}; _ = q.(Named) }))
	var m map[string]int
	var mi any = m
	fmt.Println(mi != nil)
	var ok2 bool
	var sh2 Shape
	sh2, ok2 = mi.(Shape)
	fmt.Println(sh2, ok2)
	fmt.Println(describe(int8(3)), describe(MyInt(3)))
	var st fmt.Stringer
	_, ok2 = any(st).(fmt.Stringer)
	fmt.Println(ok2)
	var arr any = [2]int{1, 2}
	fmt.Println(arr == any([2]int{1, 2}), arr == any([2]int{1, 3}), arr == any([3]int{}))
	type pair struct {
		a string
		b int
	}
	var p1, p2 any = pair{"x", 1}, pair{"x", 1}
	fmt.Println(p1 == p2, p1.(pair).a)
}

func catch(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}
