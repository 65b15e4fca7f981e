package main

import "errors"

func runDemo(e *env, args []string) error  { return errors.New("demo: not built yet") }
