package p

var a = 'ab'
var b = ''
var c = "\q"
var j = "\u00ZZ"
var k = "\uD800"
var l = '\400'
var r = '\
