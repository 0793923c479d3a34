package p

var a = map[string]int{"a": 1 "b": 2}
