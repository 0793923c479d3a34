package main

import (
	"fmt"
	"reflect"
)

type P struct {
	X, Y int
	name string
	M    map[string]int
}

type S string

func (s S) String() string { return "S(" + string(s) + ")" }

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	var x interface{}
	v := reflect.ValueOf(x)
	fmt.Println(v.Kind(), v.IsValid(), v.String())
	c := reflect.ValueOf(complex64(1 + 2i))
	fmt.Println(c.Kind() == reflect.Complex64, c.Complex(), c.String(), c)
	p := P{1, 2, "n", map[string]int{"a": 1}}
	pv := reflect.ValueOf(p)
	fmt.Println(pv.NumField(), pv.Field(0).Int(), pv.Field(2), pv.Field(2).CanInterface(), pv.Field(3).Len())
	fmt.Println(pv.Field(3).MapIndex(reflect.ValueOf("a")), pv.Field(3).MapKeys())
	fmt.Printf("%v %d %+v\n", pv, pv.Field(1), pv)
	e := reflect.ValueOf(&p).Elem()
	fmt.Println(e.CanSet(), e.Field(0).CanSet(), e.Field(2).CanSet())
	e.Field(0).SetInt(42)
	fmt.Println(p.X)
	try(func() { pv.Field(0).SetInt(3) })
	try(func() { e.Field(2).SetString("x") })
	try(func() { reflect.ValueOf("s").Int() })
	try(func() { v.Type() })
	try(func() { reflect.ValueOf(3).Elem() })
	try(func() { reflect.ValueOf([]int{1}).Index(5) })
	try(func() { pv.Field(2).Interface() })
	fmt.Println(reflect.ValueOf(S("q")), reflect.ValueOf([]S{"a"}))
	s := []int{1, 2, 3}
	sv := reflect.ValueOf(s)
	fmt.Println(sv.Len(), sv.Cap(), sv.Index(1), sv.Index(1).CanSet(), sv.Index(2).Interface().(int))
	sv.Index(0).Set(reflect.ValueOf(9))
	fmt.Println(s, reflect.ValueOf("héllo").Index(1), reflect.ValueOf("abc").Len())
	var ip *int
	fmt.Println(reflect.ValueOf(ip).IsNil(), reflect.ValueOf(ip).Elem().IsValid(), reflect.ValueOf(p).IsZero(), reflect.ValueOf(P{}).IsZero())
	var ei interface{} = 5
	iv := reflect.ValueOf(&ei).Elem()
	fmt.Println(iv.Kind(), iv.Elem().Kind(), iv.Elem().Int())
	iv.Set(reflect.ValueOf("str"))
	fmt.Println(ei)
	fmt.Println(reflect.Zero(reflect.TypeOf(p)), reflect.New(reflect.TypeOf(0)).Elem().Int())
	fmt.Println(reflect.ValueOf(uint8(200)).Uint(), reflect.ValueOf(float32(1.5)).Float(), reflect.ValueOf(true).Bool())
	fmt.Println(reflect.ValueOf(int8(0)).OverflowInt(200), reflect.ValueOf(&p).Type(), reflect.Indirect(reflect.ValueOf(&p)).Type())
}
