package main

import "errors"

func runDemo(e *env, args []string) error  { return errors.New("demo: not built yet") }
func runBench(e *env, args []string) error { return errors.New("bench: not built yet") }
