"""Reading and cleaning: files and pages in, clean segmented documents out.

`load` decodes and cleans a file (with `furniture`, `dateline` and `dates` for page furniture and
metadata, `html` for markup), and `segment` splits the clean text into sentences.
"""
