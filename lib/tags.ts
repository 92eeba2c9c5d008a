/** How a tag reads on the page: editors type tags as slugs ("central-asia"), readers see words ("central asia"). */
export const tagLabel = (tag: string) => tag.replace(/[-_]+/g, ' ').trim() || tag
