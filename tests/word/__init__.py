"""Tests of the Word report."""
