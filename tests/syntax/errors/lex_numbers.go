package p

var d = 0x
var e = 1__0
var f = 09
var g = 0b12
var h = 1e
var i = 0x1.5
var m = 0o1.2
var n = 0b1e2
var o = 1p2
