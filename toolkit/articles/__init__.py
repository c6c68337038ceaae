"""Articles: Markdown with front matter, segmentation, rebuild."""
