// Material 9.8's inline helpers and palette script (partials/javascripts/), one file for the CSP.
// The scope is the site's root (this file is one folder below it).
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
// Ours: the stylesheets' addresses made absolute while the page has barely begun, as
// the theme's instant navigation makes every address once its script runs (so pages
// compare their <head>s). Done there, each stylesheet reloads after the whole page is
// styled, and the page is styled again; done here, the theme finds nothing to change.
for(const e of document.querySelectorAll("link[rel~=stylesheet][href]"))/^(?:[a-z]+:)?\/\//i.test(e.getAttribute("href"))||(e.href=e.href);
