package p

var p2 = 1 @ 2
var q = 1 ∑ 2
var ä = 1
var s = `raw
string` + "ok"
var ٣x = 1
/* unterminated
