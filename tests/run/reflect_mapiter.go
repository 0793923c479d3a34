package main

import (
	"fmt"
	"reflect"
	"sort"
)

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	it := reflect.ValueOf(m).MapRange()
	var got []string
	for it.Next() {
		got = append(got, fmt.Sprint(it.Key(), "=", it.Value()))
	}
	sort.Strings(got)
	fmt.Println(got)
	e := reflect.ValueOf(map[int]bool{}).MapRange()
	fmt.Println(e.Next())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		e.Key()
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf(3).MapRange()
	}()
}
