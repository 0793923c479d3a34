package main

import (
	"fmt"
	"reflect"
)

type Big struct{ A, B, C int }

func (b Big) Sum(k int) int   { return b.A + b.B + b.C + k }
func (b *Big) Scale(k int)    { b.A *= k; b.B *= k; b.C *= k }
func (b Big) Name() string    { return "big" }
func (b Big) private() string { return "p" }

type Small int

func (s Small) Double() Small { return s * 2 }

type Shape interface {
	Area() float64
	Name() string
}

func main() {
	t := reflect.TypeOf(Big{})
	pt := reflect.PointerTo(t)
	fmt.Println(t.NumMethod(), pt.NumMethod(), pt, pt.Elem() == t, reflect.PtrTo(t) == pt)
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		fmt.Println(m.Name, m.PkgPath == "", m.Type, m.Index, m.Func.Kind())
	}
	for i := 0; i < pt.NumMethod(); i++ {
		m := pt.Method(i)
		fmt.Println(m.Name, m.Type, m.Index)
	}
	m, ok := t.MethodByName("Sum")
	fmt.Println(ok, m.Func.Call([]reflect.Value{reflect.ValueOf(Big{1, 2, 3}), reflect.ValueOf(10)})[0].Int())
	sum := m.Func.Interface().(func(Big, int) int)
	fmt.Println(sum(Big{4, 5, 6}, 1))
	_, ok = t.MethodByName("Scale")
	fmt.Println(ok)
	b := &Big{1, 1, 1}
	sm, _ := pt.MethodByName("Scale")
	sm.Func.Call([]reflect.Value{reflect.ValueOf(b), reflect.ValueOf(3)})
	fmt.Println(*b)
	d, _ := reflect.TypeOf(Small(0)).MethodByName("Double")
	fmt.Println(d.Func.Interface().(func(Small) Small)(21))
	st := reflect.TypeOf((*Shape)(nil)).Elem()
	fmt.Println(st.Kind(), st.NumMethod(), st.Method(0).Name, st.Method(1).Type, st.Method(1).Func.IsValid())
	fmt.Println(t.Implements(st), reflect.TypeOf(3).AssignableTo(reflect.TypeOf(Small(0))), reflect.TypeOf(Small(2)).Comparable())
	defer func() { fmt.Println("recovered:", recover()) }()
	t.Method(7)
}
