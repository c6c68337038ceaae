"""A newsroom's archive as a whole: a folder tree of Markdown, HTML and plain-text articles.

- :mod:`.documents` tells the kind of a file and decodes it (UTF-8; binary and undecodable
  files are :class:`~.documents.UnreadableFile`, with a one-line reason);
- :mod:`.html` and :mod:`.markdown` convert only the text of a document (HTML text nodes
  and its ``title``/``alt`` attributes; Markdown outside code, link targets and front-matter
  keys) and give the text and the year of an article for the survey;
- :mod:`.mirror` converts one file into the output tree (:class:`~.mirror.Converter`), the
  unit of work that the command layer hands to its process pool or to a Dask cluster;
- :mod:`.manifest` remembers what each output was made from, so a re-run converts only
  what changed and an interrupted run resumes;
- :mod:`.usage` counts the spellings of every glossary concept per year, and
  :mod:`.usage_report` writes the counts as CSV, JSON or HTML with a chart per concept.

Library code here never forks and never touches the garbage collector: the command layer
(toolkit/cli/) owns the processes.
"""
