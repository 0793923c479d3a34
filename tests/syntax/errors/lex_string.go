package p

var s = "abc
var t = 1
var u = "never closed
