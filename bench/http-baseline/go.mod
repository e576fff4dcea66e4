module example.com/httpbaseline

go 1.26.0
