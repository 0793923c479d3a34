package main

import (
	"fmt"
	"time"
)

type S struct {
	D time.Duration
	N int
}

func main() {
	start := time.Now()
	deadline := start.Add(10 * time.Second)
	fmt.Println(deadline.Sub(start), deadline.After(start), deadline.Before(start), start.Equal(start))
	for _, d := range []time.Duration{0, 1, 999, time.Microsecond, 1500, 100 * time.Millisecond, 1500 * time.Millisecond,
		2 * time.Minute, time.Hour + time.Nanosecond, -5 * time.Second, 1<<63 - 1, -1 << 63} {
		fmt.Println(d, d.String(), d.Seconds(), d.Minutes(), d.Hours(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds())
		fmt.Println(d.Round(time.Second), d.Truncate(time.Millisecond), d.Abs())
	}
	fmt.Printf("%v %s %d %v\n", time.Second, 3*time.Millisecond, time.Minute, S{time.Second, 2})
	var st fmt.Stringer = 90 * time.Second
	fmt.Println(st.String())
	f := time.Duration.String
	fmt.Println(f(time.Hour))
	t := time.Unix(1700000000, 1500000000)
	fmt.Println(t.Unix(), t.UnixNano(), t.UnixMilli(), t.UnixMicro(), t.Nanosecond(), t.IsZero(), time.Time{}.IsZero())
	u := t.Add(36 * time.Hour)
	fmt.Println(u.Sub(t), t.Sub(u), u.Unix())
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 20*time.Millisecond, el < 5*time.Second, time.Until(deadline) > 0)
	fmt.Println(time.March, time.Saturday, time.Month(13))
}
